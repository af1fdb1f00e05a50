// The partner hub server arrives with its own issue; this keeps its tsconfig honest meanwhile.
export const hubName = 'groundwork-hub';
