import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';

/**
 * A local file straight from the disk: through vscode.workspace.fs each read is a round
 * trip to the window, which for 2,000 files costs about a second. Virtual workspaces
 * (other schemes) are read through VS Code.
 */
export async function readBytes(uri: vscode.Uri): Promise<Uint8Array> {
  return uri.scheme === 'file' ? readFile(uri.fsPath) : vscode.workspace.fs.readFile(uri);
}
