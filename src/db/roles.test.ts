import { describe, expect, it } from 'vitest';
import { appRoleName, createAppRoleSql } from './roles.js';

describe('database role names (INT-2)', () => {
  it('INT-2 the app role is LIUHEN_APP_ROLE, else the user of DATABASE_URL', () => {
    expect(appRoleName('postgres://liuhen_app:secret@db:5432/liuhen')).toBe('liuhen_app');
    expect(appRoleName('postgres://liuhen_app:secret@db:5432/liuhen', 'other_role')).toBe('other_role');
    expect(appRoleName('postgres://db:5432/liuhen')).toBe('postgres');
  });

  it('INT-2 the role SQL quotes the name and the password, and grants no power beyond login', () => {
    const text = createAppRoleSql('liuhen"app', "it's");
    expect(text).toBe(`create role "liuhen""app" login nosuperuser nocreatedb nocreaterole noinherit nobypassrls password 'it''s'`);
  });
});
