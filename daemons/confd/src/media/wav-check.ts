/**
 * Wazo's check of a music on hold file in `files` mode, on the file's header as Python's `wave`
 * module reads it: a RIFF/WAVE file with a `fmt ` chunk before its `data` chunk, mono, sampled at
 * 8 or 16 kHz, at most 16 bits a sample. Worded as wazo-confd words it.
 */
import { open } from 'node:fs/promises';
import { inputError } from '@wazo-ts/dao';

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

interface WavFormat {
  channels: number;
  rate: number;
  sampleWidth: number;
}

class WaveError extends Error {}

/** Reads the format of the WAV file at `path`, or throws a WaveError in `wave`'s words. */
async function readFormat(path: string): Promise<WavFormat> {
  const file = await open(path, 'r');
  try {
    const read = async (position: number, length: number) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await file.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    };
    const head = await read(0, 12);
    if (head.length < 4 || head.toString('latin1', 0, 4) !== 'RIFF')
      throw new WaveError('file does not start with RIFF id');
    if (head.length < 12 || head.toString('latin1', 8, 12) !== 'WAVE') throw new WaveError('not a WAVE file');
    let position = 12;
    let format: WavFormat | null = null;
    for (;;) {
      const chunk = await read(position, 8);
      if (chunk.length < 8) break;
      const id = chunk.toString('latin1', 0, 4);
      const size = chunk.readUInt32LE(4);
      if (id === 'fmt ') {
        const body = await read(position + 8, Math.min(size, 40));
        if (body.length < 14) throw new WaveError('fmt chunk and/or data chunk missing');
        const tag = body.readUInt16LE(0);
        const channels = body.readUInt16LE(2);
        const rate = body.readUInt32LE(4);
        if (tag !== WAVE_FORMAT_PCM && tag !== WAVE_FORMAT_EXTENSIBLE)
          throw new WaveError(`unknown format: ${tag}`);
        const bits = body.length >= 16 ? body.readUInt16LE(14) : 0;
        if (bits === 0) throw new WaveError('bad sample width');
        if (channels === 0) throw new WaveError('bad # of channels');
        format = { channels, rate, sampleWidth: Math.floor((bits + 7) / 8) };
      } else if (id === 'data') {
        if (!format) throw new WaveError('data chunk before fmt chunk');
        return format;
      }
      position += 8 + size + (size % 2);
    }
    throw new WaveError('fmt chunk and/or data chunk missing');
  } finally {
    await file.close();
  }
}

const refused = (message: string) => inputError(`wav_file: ['${message}']`, { field: 'wav_file' });

/** Throws Wazo's 400 when the file is not a WAV file Asterisk plays as music on hold. */
export async function checkMohWav(path: string): Promise<void> {
  let format: WavFormat;
  try {
    format = await readFormat(path);
  } catch (error) {
    if (error instanceof WaveError) throw refused(`Not able to read audio file: "${error.message}"`);
    throw error;
  }
  if (format.channels > 1) throw refused('Audio file should be mono');
  if (format.rate !== 8000 && format.rate !== 16000)
    throw refused('Audio file should have a sample rate of 8kHz or 16kHz');
  if (format.sampleWidth > 2) throw refused('Audio file should have bit depth of no more than 16 bits');
}
