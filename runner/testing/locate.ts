/**
 * Turns a problem's data path into a line of the lab's lab.yaml, for every reporter (table, JUnit, GitHub
 * annotations). Each lab.yaml is read once; a file that cannot be read any more points at line 1.
 */
import { labPositions, type DataPath, type Position } from "../../labs/index";

export type Locate = (labFile: string, at: DataPath) => Position;

export async function locatorFor(labFiles: readonly string[], readText: (file: string) => Promise<string>): Promise<Locate> {
  const maps = new Map<string, (path: DataPath) => Position>();
  for (const file of new Set(labFiles)) {
    const text = await readText(file).catch(() => "");
    maps.set(file, labPositions(text));
  }
  return (labFile, at) => maps.get(labFile)?.(at) ?? { line: 1, column: 1 };
}
