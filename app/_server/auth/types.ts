/** The signed-in instructor as the rest of the app sees it (no password hash, no session secrets). */
export type InstructorRole = "instructor" | "admin";

export interface Instructor {
  id: string;
  email: string;
  displayName: string | null;
  role: InstructorRole;
}

export const isInstructorRole = (role: string): role is InstructorRole => role === "instructor" || role === "admin";
