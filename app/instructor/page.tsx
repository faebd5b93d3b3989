/** `/instructor` — where instructors land after signing in: their workshops. */
import { redirect } from "next/navigation";

export default function InstructorHome() {
  redirect("/instructor/workshops");
}
