import { describe, expect, it } from 'vitest';
import { visibleAdminPages, visibleSections } from './nav.ts';

const keys = (items: { key: string }[]) => items.map((item) => item.key);

describe('navigation by permission', () => {
  it('shows only Home to a user with no permissions', () => {
    expect(keys(visibleSections([]))).toEqual(['home']);
  });

  it('shows the agent desk and knowledge to an agent, and no admin', () => {
    const sections = keys(visibleSections(['desk.use', 'knowledge.read', 'customers.read']));
    expect(sections).toEqual(['home', 'desk', 'customers', 'knowledge']);
  });

  it('shows Admin with only the sub-pages each permission opens', () => {
    const permissions = ['audit.read'];
    expect(keys(visibleSections(permissions))).toContain('admin');
    expect(keys(visibleAdminPages(permissions))).toEqual(['audit']);
  });

  it('opens the routing pages to whoever manages routing', () => {
    expect(keys(visibleAdminPages(['routing.manage', 'users.read']))).toEqual([
      'users',
      'queues',
      'agentProfiles',
    ]);
  });

  it('opens the web channels to whoever manages the workspace', () => {
    expect(keys(visibleAdminPages(['workspace.manage']))).toContain('webChannels');
    expect(keys(visibleAdminPages(['routing.manage']))).not.toContain('webChannels');
  });

  it('does not open Admin for users.read alone', () => {
    expect(keys(visibleSections(['users.read']))).toEqual(['home']);
    expect(visibleAdminPages(['users.read'])).toEqual([]);
  });

  it('ignores permissions it does not know', () => {
    expect(keys(visibleSections(['something.new']))).toEqual(['home']);
  });
});
