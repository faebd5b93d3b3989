/**
 * Instructor authentication: the public API for the rest of the app (workshops, admin, pages). Import
 * from here, not from the files behind it.
 *  - currentInstructor() for pages; requireInstructor(request) / requireAdmin(request) for route handlers
 *    (throw AuthError: 401 no session, 403 CSRF failure or not admin); authErrorResponse(err) maps it.
 *  - hashPassword / verifyPassword: the scrypt KDF, also for workshop access passwords (no length rule
 *    inside; accounts apply checkPasswordPolicy, 12+ characters).
 * Client code sends mutating requests with csrfHeaders() from app/_ui/auth/csrf.ts.
 */
export type { Instructor, InstructorRole } from "./types";
export { AuthError, authErrorResponse, type AuthErrorKind } from "./errors";
export { currentInstructor, requireAdmin, requireInstructor, withAuthRoute, type AuthContext } from "./request";
export { hashPassword, verifyPassword } from "./password";
export { checkPasswordPolicy, PASSWORD_MIN } from "./accounts";
export { CSRF_COOKIE, CSRF_HEADER } from "./csrf";
