/**
 * What the player page hands the browser about a lab: every page already rendered to sanitised HTML on the
 * server (intro, steps, hints, solutions, finish), the hosts with their terminal and editor paths, and the web
 * services the hosts declare. The overview page shows hints and solutions collapsed anyway, so sending them
 * along hides nothing; the player reveals them only as the learner asks (and the server records it).
 */

export interface PlayerStep {
  id: string;
  title: string;
  html: string;
  hintsHtml: string[];
  solutionHtml: string | null;
  checkCount: number;
  hasSolve: boolean;
}

export interface PlayerHost {
  name: string;
  terminal: boolean;
  editorPaths: string[];
}

/** A web service a host declares (`ports:` in lab.yaml), opened at `path` through the site's proxy. */
export interface PlayerService {
  host: string;
  port: number;
  name: string;
  path: string;
}

export interface PlayerLab {
  id: string;
  title: string;
  estimatedMinutes: number;
  introHtml: string | null;
  finishHtml: string | null;
  steps: PlayerStep[];
  hosts: PlayerHost[];
  services: PlayerService[];
}
