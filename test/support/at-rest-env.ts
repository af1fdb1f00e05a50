import { testPassphrase } from './test-key';

// Child processes (the CLI, the bridge, crash children) inherit this: passphrase mode, explicit.
process.env.GROUNDWORK_PASSPHRASE = testPassphrase;
