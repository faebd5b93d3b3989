/**
 * An in-memory stand-in for DockerEnvironments with real behaviour, for unit tests of `praxis test` and
 * `praxis grade`. Each environment is a small world of facts and files; scripts are lines of a toy shell:
 *   set KEY / unset KEY       add or remove a fact
 *   require KEY               fail ("FAIL: KEY is missing", exit 1) unless the fact is set
 *   require-file PATH TEXT    fail unless a file copied to PATH (any host) contains TEXT
 *   echo TEXT / exit N        print / stop with exit code N
 * A check passes when its script exits 0, like a script check; other check kinds fail with a message
 * saying the fake does not run them. `log` records every call so tests can assert order and attempts.
 */
import type { Check, HostScript, Lab } from "../../labs/index";
import type { CheckOutcome } from "../checks/request";
import { failureMessage } from "../checks/script-check";
import type { FileToCopy } from "../docker/runtime";
import type { CheckAttempts, Environments, LabEnvironment, ScriptOutcome } from "./environment";

export class FakeEnvironments implements Environments {
  readonly log: string[] = [];
  /** When set, the next `up` fails with this message (as a provisioning failure would). */
  failUp?: string;
  /** Facts every new environment starts with (what a lab's own provisioning would have made true). */
  initialFacts: string[] = [];
  private next = 0;
  readonly live = new Set<string>();

  async up(lab: Lab, progress: (line: string) => void): Promise<LabEnvironment> {
    if (this.failUp) throw new Error(this.failUp);
    const env = new FakeEnvironment(`fake${++this.next}`, this);
    for (const fact of this.initialFacts) env.facts.add(fact);
    // Like provisioning, the first step's setup runs before the environment is handed out.
    for (const script of lab.steps[0]?.setup ?? []) {
      const run = await env.runScript(script);
      if (run.exitCode !== 0) throw new Error(`setup on ${script.host} exited with ${run.exitCode}`);
    }
    progress("fake environment ready");
    this.live.add(env.id);
    return env;
  }
}

class FakeEnvironment implements LabEnvironment {
  readonly facts = new Set<string>();
  readonly files = new Map<string, string>();

  constructor(
    readonly id: string,
    private readonly parent: FakeEnvironments,
  ) {}

  async runScript(script: HostScript): Promise<ScriptOutcome> {
    this.parent.log.push(`script ${script.host}: ${script.script.content.trim().split("\n").join("; ")}`);
    const { exitCode, output } = this.interpret(script.script.content);
    return { exitCode, output, timedOut: false, durationMs: 1 };
  }

  async runCheck(check: Check, attempts: CheckAttempts): Promise<CheckOutcome> {
    this.parent.log.push(`check ${check.name} (${attempts})`);
    if (check.kind !== "script") return { passed: false, message: `the fake environment does not run ${check.kind} checks`, durationMs: 1 };
    const { exitCode, output } = this.interpret(check.script.content);
    return { passed: exitCode === 0, message: exitCode === 0 ? "" : failureMessage(output, "", exitCode), durationMs: 1, exitCode, output };
  }

  async copyFiles(host: string, files: FileToCopy[]): Promise<void> {
    for (const f of files) {
      this.parent.log.push(`copy ${host}:${f.path} (${f.mode.toString(8)})`);
      this.files.set(f.path, new TextDecoder().decode(f.content));
    }
  }

  async down(): Promise<string[]> {
    this.parent.log.push(`down ${this.id}`);
    this.parent.live.delete(this.id);
    return [];
  }

  private interpret(script: string): { exitCode: number; output: string } {
    let output = "";
    for (const raw of script.split("\n")) {
      const line = raw.trim();
      if (line === "" || line.startsWith("#")) continue;
      const [word, ...rest] = line.split(/\s+/);
      const arg = rest.join(" ");
      if (word === "set") this.facts.add(arg);
      else if (word === "unset") this.facts.delete(arg);
      else if (word === "echo") output += `${arg}\n`;
      else if (word === "exit") return { exitCode: Number(arg), output };
      else if (word === "require" && !this.facts.has(arg)) return { exitCode: 1, output: `${output}FAIL: ${arg} is missing\n` };
      else if (word === "require-file") {
        const [path, ...text] = rest;
        const content = this.files.get(path ?? "");
        if (content === undefined) return { exitCode: 1, output: `${output}FAIL: ${path} does not exist\n` };
        if (!content.includes(text.join(" "))) return { exitCode: 1, output: `${output}FAIL: ${path} does not contain "${text.join(" ")}"\n` };
      } else if (word !== "require") return { exitCode: 127, output: `${output}fake shell: unknown command ${word}\n` };
    }
    return { exitCode: 0, output };
  }
}
