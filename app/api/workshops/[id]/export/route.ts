/**
 * `GET /api/workshops/:id/export?format=csv|json` — the results, one row per learner × lab (name, lab,
 * steps passed, attempts, hints, score, minutes), as a download named after the workshop.
 */
import { loadDashboard } from "../../../../_server/workshops/dashboard-load";
import { resultRows, toCsv } from "../../../../_server/workshops/export";
import { getWorkshop } from "../../../../_server/workshops/store";
import { withInstructor } from "../../../../_server/workshops/workshop-request";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const format = new URL(req.url).searchParams.get("format") === "csv" ? "csv" : "json";
  return withInstructor(req, async (deps, instructor) => {
    const workshop = await getWorkshop(deps.prisma, instructor, id);
    const now = new Date();
    const rows = resultRows(await loadDashboard(deps, workshop, now), now);
    const name = `${workshop.title.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-|-$/g, "") || "workshop"}-results.${format}`;
    const body = format === "csv" ? toCsv(rows) : JSON.stringify({ workshop: { id: workshop.id, title: workshop.title, exportedAt: now.toISOString() }, rows }, null, 2);
    return new Response(body, {
      headers: { "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
    });
  });
}
