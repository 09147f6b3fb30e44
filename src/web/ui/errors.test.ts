import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import en from '../i18n/en.json';
import es from '../i18n/es.json';
import { errorMessage, fieldMessage, formErrors } from './errors.ts';

beforeAll(async () => {
  await i18n.init({ lng: 'es', resources: { es: { translation: es }, en: { translation: en } } });
});

const t = () => i18n.t;
const validation = (details: { path: string; message: string }[]) =>
  new ApiError(400, 'validation.failed', details[0]?.message ?? '', details);

describe('errors for people', () => {
  it('translates known codes', () => {
    expect(errorMessage(t(), new ApiError(401, 'auth.invalid_credentials', 'Wrong e-mail or password'))).toBe(
      es.errors.auth.invalid_credentials,
    );
  });

  it('falls back to the server message for an unknown 4xx code', () => {
    expect(errorMessage(t(), new ApiError(400, 'x.odd', 'Odd request'))).toBe('Odd request');
  });

  it('translates the validator wording of a field message', () => {
    expect(fieldMessage(t(), 'validation.failed', 'must match format "email"')).toBe(es.validation.email);
    expect(fieldMessage(t(), 'users.weak_password', 'Password must be at least 8 characters')).toBe(
      'Debe tener al menos 8 caracteres.',
    );
    expect(fieldMessage(t(), 'validation.failed', 'must be >= 0')).toBe('Debe ser al menos 0.');
    expect(fieldMessage(t(), 'validation.failed', 'must be <= 100000')).toBe('Debe ser como máximo 100000.');
  });

  it('keeps a field message it does not recognise', () => {
    expect(fieldMessage(t(), 'validation.failed', 'must be a full moon')).toBe('must be a full moon');
  });

  it('puts messages under the fields the form shows and the rest on top', () => {
    const error = validation([
      { path: '/email', message: 'must match format "email"' },
      { path: '/nickname', message: 'unknown property "nickname"' },
    ]);
    const result = formErrors(t(), error, ['email', 'name']);
    expect(result.fields).toEqual({ email: es.validation.email });
    expect(result.form).toContain('nickname');
  });

  it('matches nested paths to the field that holds them', () => {
    const error = validation([
      { path: '/businessHours/weekly/0/open', message: 'must match pattern "^\\d\\d:\\d\\d$"' },
    ]);
    const result = formErrors(t(), error, ['businessHours']);
    expect(result.fields['businessHours/weekly/0/open']).toBe(es.validation.pattern);
    expect(result.form).toBeNull();
  });

  it('shows the error itself when it names no field', () => {
    expect(formErrors(t(), new ApiError(429, 'rate_limited', 'slow down'), ['email']).form).toBe(
      es.errors.rate_limited,
    );
  });
});
