/**
 * Reading a login and a password from the terminal, the password without echo. Without a
 * terminal (a pipe), one line is read from standard input, so scripts can pipe a password in
 * rather than put it in the process list.
 */
import { createInterface } from 'node:readline';
import { type Readable, Writable } from 'node:stream';
import { usageError } from './errors.js';

type Input = Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

export function ask(input: Input, output: Writable, question: string, hidden = false): Promise<string> {
  if (!input.isTTY) return readLine(input, question);
  return new Promise((resolve, reject) => {
    let muted = false;
    // readline echoes what is typed through its output: drop it while the password is typed.
    const sink = new Writable({
      write(chunk, _encoding, done) {
        if (!muted) output.write(chunk);
        done();
      },
    });
    const rl = createInterface({ input, output: sink, terminal: true });
    rl.on('SIGINT', () => {
      rl.close();
      output.write('\n');
      reject(usageError('cancelled'));
    });
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) output.write('\n');
      resolve(answer);
    });
    muted = hidden;
  });
}

/**
 * `--password-stdin`: all of standard input, less its final line break (`echo`, files), so a
 * secret never has to be on the command line (`ps`, shell history).
 */
export async function readSecretFromStdin(input: Input, flag: string): Promise<string> {
  if (input.isTTY)
    throw usageError(
      `${flag}: standard input is a terminal; pipe the password in, or leave ${flag} out to be asked`,
    );
  let text = '';
  for await (const chunk of input) text += String(chunk);
  const secret = text.replace(/\r?\n$/, '');
  if (secret === '') throw usageError(`${flag}: nothing on standard input`);
  return secret;
}

function readLine(input: Input, question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input, terminal: false });
    let answered = false;
    rl.once('line', (line) => {
      answered = true;
      rl.close();
      resolve(line);
    });
    rl.once('close', () => {
      if (!answered)
        reject(usageError(`${question.replace(/:\s*$/, '')}: nothing on standard input (pass it as a flag)`));
    });
  });
}
