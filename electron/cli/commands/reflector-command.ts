import { withDataDir } from '../cli-context';
import { Command, InvalidArgumentError } from 'commander';
import { startReflector } from '../../services/probes/throughput/reflector-server';
import { defaultReflectorPort } from '../../services/probes/throughput/reflector-protocol';

const portNumber = (value: string): number => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return port;
};

export const reflectorCommand = (): Command =>
  withDataDir(new Command('reflector'), 'accepted like on every command; the reflector itself stores nothing')
    .description('run a far end for the latency and throughput probes (TCP streams and UDP echo) until Ctrl-C')
    .option('--port <port>', 'TCP and UDP port to listen on', portNumber, defaultReflectorPort)
    .option('--host <address>', 'address to listen on', '0.0.0.0')
    .action(async (opts: { port: number; host: string }) => {
      const reflector = await startReflector({ port: opts.port, host: opts.host, log: (line) => process.stdout.write(`${line}\n`) });
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await reflector.close();
      process.stdout.write('Reflector stopped.\n');
    });
