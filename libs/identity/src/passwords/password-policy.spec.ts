import { passwordProblems } from './password-policy';

const codes = (password: string) => passwordProblems(password).map((p) => p.code);

describe('passwordProblems', () => {
  it('accepts a long passphrase without composition rules', () => {
    expect(codes('caballo bateria grapa correcta')).toEqual([]);
    expect(codes('tres tristes tigres')).toEqual([]);
  });

  it('refuses passwords shorter than 12 or longer than 128 characters', () => {
    expect(codes('Xq7#pL2!vB9')).toEqual(['TOO_SHORT']);
    expect(codes('a'.repeat(129))).toEqual(['TOO_LONG']);
    expect(codes('ñandú-kiwi-émeu-ñú')).toEqual([]);
  });

  it('counts characters, not bytes', () => {
    expect(codes('ñandúñandúñ')).toEqual(['TOO_SHORT']);
  });

  it('refuses common passwords, also with digits appended', () => {
    expect(codes('1qaz2wsx3edc')).toEqual(['COMMON_PASSWORD']);
    expect(codes('password1234')).toEqual(['COMMON_PASSWORD']);
    expect(codes('iloveyou2026!!')).toEqual(['COMMON_PASSWORD']);
  });

  it('refuses repeated and sequential characters and the name of the service', () => {
    expect(codes('aaaaaaaaaaaaaa')).toEqual(['COMMON_PASSWORD']);
    expect(codes('abababababab')).toEqual(['COMMON_PASSWORD']);
    expect(codes('abcdefghijklm')).toEqual(['COMMON_PASSWORD']);
    expect(codes('Amparo2026!!')).toEqual(['COMMON_PASSWORD']);
  });
});
