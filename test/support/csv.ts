/**
 * A strict, incremental RFC 4180 reader for tests: feed chunks as they come,
 * get back the rows they complete. An unquoted empty field reads as null and
 * a quoted one as "", the distinction the audit export keeps.
 */
export class CsvReader {
  private row: (string | null)[] = [];
  private field = "";
  private quoted = false;
  private state: "start" | "plain" | "quoted" | "quote" | "cr" = "start";

  push(chunk: string): (string | null)[][] {
    const rows: (string | null)[][] = [];
    for (const c of chunk) {
      const state = this.state;
      if (state === "quoted") {
        if (c === '"') this.state = "quote";
        else this.field += c;
      } else if (state === "cr") {
        if (c !== "\n") throw new Error("a line must end with CRLF");
        this.endField();
        rows.push(this.row);
        this.row = [];
        this.state = "start";
      } else if (state === "quote" && c === '"') {
        this.field += '"';
        this.state = "quoted";
      } else if (c === ",") {
        this.endField();
        this.state = "start";
      } else if (c === "\r") {
        this.state = "cr";
      } else if (state === "start" && c === '"') {
        this.quoted = true;
        this.state = "quoted";
      } else if (state === "quote" || c === '"' || c === "\n") {
        throw new Error(`unexpected ${JSON.stringify(c)} in ${state === "quote" ? "a quoted field after its closing quote" : "an unquoted field"}`);
      } else {
        this.field += c;
        this.state = "plain";
      }
    }
    return rows;
  }

  /** Throws unless the input ended on a row boundary. */
  end(): void {
    if (this.state !== "start" || this.row.length) throw new Error("the CSV ends in the middle of a row");
  }

  private endField() {
    this.row.push(this.quoted ? this.field : this.field === "" ? null : this.field);
    this.field = "";
    this.quoted = false;
  }
}
