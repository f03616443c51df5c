/**
 * Text of an office file, whatever Vietnamese Windows or a provincial system wrote: UTF-8 with or
 * without a BOM, UTF-16 LE/BE (with a BOM, or recognised by its zero bytes), or Windows-1258
 * (Vietnamese ANSI, what Excel's "CSV" writes on Vietnamese Windows), returned in NFC.
 */

/**
 * Windows-1258, bytes 0x80–0xFF (WHATWG encoding index). Kept here rather than relying on
 * TextDecoder, which lacks it in Node builds without full ICU. Tone marks are combining
 * characters (0x300 grave, 0x301 acute, 0x303 tilde, 0x309 hook, 0x323 dot below).
 */
const WINDOWS_1258_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x8a, 0x2039, 0x152, 0x8d, 0x8e, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x9a, 0x203a, 0x153, 0x9d, 0x9e, 0x178,
  0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf,
  0xb0, 0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf,
  0xc0, 0xc1, 0xc2, 0x102, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0x300, 0xcd, 0xce, 0xcf,
  0x110, 0xd1, 0x309, 0xd3, 0xd4, 0x1a0, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xdb, 0xdc, 0x1af, 0x303, 0xdf,
  0xe0, 0xe1, 0xe2, 0x103, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0x301, 0xed, 0xee, 0xef,
  0x111, 0xf1, 0x323, 0xf3, 0xf4, 0x1a1, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0x1b0, 0x20ab, 0xff,
];

export function decodeWindows1258(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(byte < 0x80 ? byte : WINDOWS_1258_HIGH[byte - 0x80]!);
  return out.normalize('NFC');
}

const ENCODE_1258 = new Map(WINDOWS_1258_HIGH.map((code, i) => [code, 0x80 + i]));

/**
 * Text → Windows-1258, the way Windows writes Vietnamese: letters with circumflex, breve or horn
 * precomposed, tone marks as combining characters. Throws on a character the code page lacks.
 */
export function encodeWindows1258(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text.normalize('NFC')) {
    const parts = [...char.normalize('NFD')];
    const tones = parts.filter((p) => /[\u0300\u0301\u0303\u0309\u0323]/.test(p));
    const base = parts.filter((p) => !tones.includes(p)).join('').normalize('NFC');
    for (const piece of [base, ...tones]) {
      const code = piece.codePointAt(0)!;
      const byte = code < 0x80 ? code : ENCODE_1258.get(code);
      if (byte === undefined || piece.length !== 1) throw new Error(`"${char}" is not in Windows-1258`);
      bytes.push(byte);
    }
  }
  return Uint8Array.from(bytes);
}

/** Likely UTF-16 without a BOM: text that is mostly ASCII has a zero in every other byte. */
function utf16Without(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)).normalize('NFC'), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)).normalize('NFC'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)).normalize('NFC'), encoding: 'utf-16be' };
  const sixteen = utf16Without(bytes);
  if (sixteen) return { text: new TextDecoder(sixteen).decode(bytes).normalize('NFC'), encoding: sixteen };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC'), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: Vietnamese text from Windows' ANSI code page.
    return { text: decodeWindows1258(bytes), encoding: 'windows-1258' };
  }
}
