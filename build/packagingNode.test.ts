import { describe, expect, it } from 'vitest';
import { packagingNodeProblem } from './packagingNode.mjs';

describe('the Node the installer build needs', () => {
  it('stops the installer build on Node 20 with one line, and lets Node 22.12 through', () => {
    expect(packagingNodeProblem('v20.20.2')).toMatch(
      /^Fehler: Der Windows-Installer \(electron-builder\) braucht Node 22\.12\.0 oder neuer, hier läuft v20\.20\.2\./,
    );
    expect(packagingNodeProblem('v22.11.0')).not.toBeNull();
    expect(packagingNodeProblem('v22.12.0')).toBeNull();
    expect(packagingNodeProblem('v24.1.0')).toBeNull();
  });
});
