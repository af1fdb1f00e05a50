import readline from 'node:readline';

const askHidden = (question: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    // Echo nothing while the passphrase is typed: readline writes through _writeToOutput.
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(question);
    out._writeToOutput = () => undefined;
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    rl.on('SIGINT', () => {
      rl.close();
      reject(new Error('No passphrase given.'));
    });
  });

/** Asks for the passphrase on the terminal (twice for a new one); null when stdin is not a terminal. */
export const terminalPassphrasePrompt = (): ((question: string, confirm: boolean) => Promise<string>) | null => {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return null;
  return async (question, confirm) => {
    const first = await askHidden(question);
    if (!first) throw new Error('The passphrase is empty.');
    if (confirm && (await askHidden('Again, to confirm: ')) !== first) throw new Error('The two passphrases differ; nothing has been changed.');
    return first;
  };
};
