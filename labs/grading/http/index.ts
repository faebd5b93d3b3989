/**
 * HTTP checks, pure part: the response a client inside the host printed (response.ts) graded against what
 * the check expects (evaluate.ts). The runner side is runner/checks/http-check.ts.
 */
export { parseHttpReport, type ClientOutput, type HttpReport, type HttpResponse } from "./response";
export { judgeHttp } from "./evaluate";
