// The help texts, one per command; `imagery help <command>` and `--help` print them.
export const HELP: Record<string, string> = {
  main: `imagery: the Imagery as Inquiry benchmark from the command line

Usage: imagery <command> [options]

Commands:
  import   turn a release folder into shards (*.shard.jsonl) for annotation
  eval     score the stored model runs (Hit@1/10/20, multiple-choice accuracy)
  stats    dataset statistics per domain (requests, items, images)
  export   write the corrected dataset, in the release's layout, from annotated shards
  run      run a model on one request (OpenAI-compatible server), score it, log it
  extract  run the paper's item extractor on comments, compare with the current items
  audit    count where annotators' verdicts disagree with the automatic scoring
  sample   draw a seeded validation sample of comments or requests (a review queue)
  report   extraction quality, curation, models on corrected truth, annotator agreement
  help     show help for a command: imagery help <command>

Every command takes --help. Results go to stdout, progress and warnings to stderr.
Errors are one line, "imagery: <file>:<line>: <what>", with a non-zero exit code.`,

  import: `Usage: imagery import <release-dir> --out <dir> [--domain music|books] [options]

Joins, for each domain, the release's requests, first-level comments (with the
extractor's answer parsed by the paper's rules), S_r from recs.json (file order
kept), every stored run under intermediate/<model>/<domain>/<input>/<task>.jsonl,
and the local images, into shards <out>/<domain>-NNN.shard.jsonl.

Requests come from submissions_ns.jsonl (the benchmark: 796 music, 1,470 books
in the public release) when it exists, else from submissions.jsonl (then
without multiple-choice candidates). Comments come from
comments/comments_processed.jsonl, else comments/comments.jsonl with the
extraction marked missing.

Options:
  --domain music|books   import one domain (default: every domain in the release)
  --extraction <file>    with --domain: take every comment's extraction from an
                         extraction run's comments_processed.jsonl (imagery extract
                         --shards) instead of the release's; comments it did not
                         answer are marked missing
  --out <dir>            folder for the shards (created when missing)
  --shard-size <n>       requests per shard (default 100)
  --include-unsampled    also import requests of submissions.jsonl that are not in
                         submissions_ns.jsonl (they get "choice": null)
  --copy-images          copy found images to <out>/images/<domain>/ so the shards
                         can move without the release; by default image paths
                         point into the release, relative to <out>.
                         <out>/imagery-images.json names the folder chosen, so
                         the editor may show its images
  --force                replace existing <domain>-NNN shards in <out>
  --strict               exit with code 1 when some line could not be read or
                         some image was refused
  --json                 print one object on stdout (see docs/cli.md):
                         { "imports": [ImportSummary & { "shards": string[] }] }
  --quiet                no progress on stderr

A line that cannot be read is reported as a warning "<file>:<line>: <reason>"
and skipped; its neighbours are imported. An image name that leaves the image
folder, a symlink in the release or a copy that fails is a warning naming the
request's line; the image keeps only its URL.`,

  eval: `Usage: imagery eval <release-dir | shard files or folders>... [--runs <dir>]... [--json]

Scores every stored run with the paper's rules: one row per domain, model and
input, with Hit@1, Hit@10, Hit@20 over the requests with ground truth, and the
multiple-choice accuracy over the benchmark requests (n = requests scored).
A release folder is imported in memory; nothing is written.

Options:
  --runs <dir>  also score the answers under <dir>/intermediate/ (the --out of
                imagery run --shards), beside the stored runs; a run of the
                same model/input/task takes the stored one's place. Prints how
                many answers each run file holds and how many it scored.
  --json        print { "rows": EvalRow[] } on stdout (see docs/cli.md); with
                --runs also "runs": one entry per run file
  --quiet       no progress on stderr`,

  stats: `Usage: imagery stats <release-dir | shard files or folders>... [--json]

Per domain, over the benchmark requests (those with multiple-choice
candidates): requests, distinct items, images per request (counting every
original image URL) and items per request, as mean ± standard deviation.

Options:
  --json    print { "domains": { "<domain>": DomainStats } } on stdout (see docs/cli.md)
  --quiet   no progress on stderr`,

  export: `Usage: imagery export <shard files or folders>... --out <dir> --seed <n> [--release <dir>]

Replays every annotator's log beside each shard and writes the corrected
dataset in the release's layout under <out>: data/processed/<domain>/
{recs.json, items.csv, submissions.jsonl, submissions_ns.jsonl} and
data/irrelevant_submissions.csv. A request keeps its released multiple-choice
candidates while its positive is unchanged and no released negative became
relevant; otherwise they are drawn again with the seed (same seed and
annotations, same bytes), and the summary lists the request with the reason.
Invalid requests leave submissions_ns.jsonl. An item whose every mention was
removed leaves the ground truth.

Options:
  --out <dir>       folder to write (must not be the release itself)
  --seed <n>        integer seed for the negative sampling (required)
  --release <dir>   the original release: keeps its irrelevant_submissions.csv
                    rows, follows its items.csv and submissions.jsonl order,
                    and copies its posts outside the benchmark that the shards
                    lack; with no annotations every file comes back byte for byte
  --json            print the export summary as one object on stdout
  --quiet           no progress on stderr`,

  extract: `Usage: imagery extract --shard <file> --request <id> [--comment <id>]
                       (--profile <name> [--profiles <file>] | --base-url <url> --model <name>)
                       [--annotator <name>] [--json]
       imagery extract --shards <files or folders>... --out <dir>
                       (--profile <name> [--profiles <file>] | --base-url <url> --model <name>)
                       [--name <name>] [--concurrency <n>] [--json]

Runs the paper's item extractor on one comment (--comment) or every comment of
a request, exactly as the paper's script asked it: its instruction for the
domain, a newline, then the comment's text, as one user message; temperature 0
(the profile's), max tokens 200. The answer is parsed by the paper's rules and
compared with the comment's current items (the stored extraction, or every
annotator's correction): what the model adds (possible misses), what it lacks
(possible wrong items) and what both have. Each answer is appended to
<shard>.annotations/<annotator>.jsonl as an extraction-run event (provenance
and raw answer); it changes no annotation until someone accepts an item.

With --shards and --out it runs on every comment of the shards, n at a time
(--concurrency, default 4; a 429 slows every worker), and writes the paper's
layout: <dir>/<name or model>/<domain>/comments_processed.jsonl, one line per
comment as the release's comments.jsonl holds it with "processed": <answer>
added last (lines in the order answers arrive). Rerunning the same command asks
only for the comments not answered yet; one run per file at a time. Such a file
can be imported as the extraction (imagery import --extraction) or turned into
a review queue (imagery sample --extraction-disagreements).

  --profile       a profile from --profiles <file>, else $IMAGERY_PROFILES, else
                  VS Code's user settings.json ("imageryAnnotator.modelProfiles")
  --base-url      an OpenAI-compatible endpoint, with --model (the paper's was
                  gpt-3.5-turbo-0125)

The API key comes from OPENAI_API_KEY (sent only as the Authorization header,
never printed or stored).

Options:
  --annotator <name>       whose log to append to (default: the OS user name)
  --timeout <s>            wait for the answer's headers at most this long (120)
  --idle-timeout <s>       fail when the answer stops for this long (60)
  --deadline <s>           fail when one answer is not finished after this long
                           (default: the profile's deadlineSeconds, else 600)
  --max-answer-mb <n>      fail when one answer passes this size on the wire
                           (default: the profile's maxAnswerMegabytes, else 8)
  --json                   one JSON object: per comment the answer, items,
                           added, lacking, agreed, event id and provenance
  --quiet                  no progress on stderr`,

  run: `Usage: imagery run --shard <file> --request <id> --task rec_title|rec_choice|description
                   [--prompt standard|coi] [--input images|desc:<model>]
                   (--profile <name> [--profiles <file>] | --base-url <url> --model <name>)
                   [--annotator <name>] [--record-truncated] [--json]
       imagery run --check (--profile <name> [--profiles <file>] | --base-url <url> --model <name>)
       imagery run --shards <shard files or folders>... --out <dir> --task <task>
                   [--prompt ...] [--input ...] (--profile ... | --base-url ... --model ...)
                   [--concurrency <n>] [--name <folder>] [--json]

Runs one model on one request exactly as the paper's code called it (one user
message: the prompt, then the images), streams the answer, scores it against
the request's current ground truth (the release's S_r with every annotator's
corrections) and appends it to <shard>.annotations/<annotator>.jsonl as a
model-run event, which the editor lists beside the stored runs.

  --task          rec_title (20 titles, Hit@1/10/20), rec_choice (one of 5
                  candidates), description (one call per image)
  --prompt        standard (default) or coi (chain-of-imagery)
  --input         images (default: the request's local images, at most 4), or
                  desc:<model>: the image descriptions of that model's
                  description run (stored in the shard, or made inline)
  --profile       a profile from --profiles <file>, else $IMAGERY_PROFILES, else
                  VS Code's user settings.json ("imageryAnnotator.modelProfiles")
  --base-url      an OpenAI-compatible endpoint, e.g. http://localhost:11434/v1,
                  with --model; temperature 0, 500 visible tokens
  --model         with --profile: use this model instead of the profile's

The API key comes from OPENAI_API_KEY (sent only as the Authorization header,
never printed or stored). Local servers need none.

Options:
  --annotator <name>       whose log to append to (default: the OS user name)
  --record-unparseable     also record an answer that gives no title / letter
  --record-truncated       also record (or write, with --shards) an answer cut
                           at the token limit, marked truncated
  --check                  test the profile alone: one tiny request with one
                           small image; prints what works (token parameter,
                           temperature, images, streaming usage, reasoning) and
                           remembers what it learnt; exit code 1 on a problem

The profile's request settings, each forcing the profile's own:
  --token-parameter <p>    auto (max_completion_tokens for OpenAI / Azure OpenAI
                           hosts, else max_tokens), max_tokens, max_completion_tokens
  --temperature <n|none>   none sends no temperature
  --reasoning-effort <e>   sent as reasoning_effort (minimal, low, medium, high)
  --reasoning-budget <n>   reasoning tokens on top of the 500 visible ones
                           (default 25000, sent when the model reasons)
  --stream-usage on|off    ask for token usage in the stream (stream_options)
  --image-detail <d>       auto, low, high, original, or omit
What a server refused (a token parameter, the temperature, stream_options) is
resent once without it and remembered in
$XDG_STATE_HOME/imagery-annotator/server-quirks.json ($IMAGERY_STATE_DIR).
  --allow-remote-images    send an image's https URL when it has no local file
  --max-image-mb <n>       a local image larger than this fails the run (default 20)
  --timeout <s>            wait for the response headers at most this long (default 120)
  --idle-timeout <s>       fail when a started answer stalls this long (default 60)
  --deadline <s>           fail when one answer is not finished after this long,
                           a slow drip included (default: the profile's
                           deadlineSeconds, else 600)
  --max-answer-mb <n>      fail when one answer passes this size on the wire
                           (default: the profile's maxAnswerMegabytes, else 8)
  --json                   print one object: the answer, parsed titles with their
                           matches and hit1/hit10/hit20, or choice and correct,
                           and the provenance (see docs/cli.md)
  --quiet                  no progress on stderr

A fault (wrong key, unknown model, rate limit after retries, server error,
timeout, stalled or cut stream, deadline, answer too large, connection
refused, redirect, configuration, empty answer, an answer cut at the token
limit (truncated), content filter, image too large, no usable image) is one
line "imagery: <kind>: <what>" with the server's own words, exit code 1;
nothing is recorded. A redirect is never followed; a configuration fault (a
parameter or images the server refuses) names the profile setting or server
flag to change. Ctrl+C cancels the request (exit code 130).

Whole shards (--shards with --out): every request, each through the same code
path, <n> at a time (--concurrency, default 4). The answers are appended, one
line per request and fsynced as they arrive, to
  <dir>/intermediate/<model>/<domain>/<input>/<task>.jsonl
exactly as the paper's scripts wrote them (<input>: image, or the model whose
descriptions were the input; <model>: --name, else the model, with "-CoI" for
--prompt coi and "/" as "_"). \`imagery eval <shards> --runs <dir>\` scores them.
  - A 429 halves the shared window and pauses every worker for its
    Retry-After; answers widen the window again.
  - Progress on stderr: done/total, rate, ETA, errors (--quiet: none).
  - Ctrl+C keeps every answer written (exit code 130); the same command
    again asks only the requests not yet answered.
  - One run at a time writes an answer file: a second one into the same
    <task>.jsonl is refused while the first runs (<task>.jsonl.lock names
    it; a lock left by a run that was killed is taken over).
  - A request that keeps failing (after 2 retries of a transient fault) is
    reported "imagery: failed: <id>: <kind>: <what>" and the others go on; a
    rejected key, an unknown model, a redirect or a configuration fault
    stops the run. A request that can never be answered (no usable image,
    an unreadable line) is reported "imagery: skipped: <id>: <why>", counted
    apart and listed in <dir>/skipped/; it is not missing. The summary (--json: one
    object) says how many are missing; exit code 1 when any are.
  - rec_choice skips requests without candidates (not applicable).`,

  audit: `Usage: imagery audit <shard files or folders>... [--json]

Reads the annotators' verdicts on model answers (stored and inline runs) and
counts, per run (source, model, input, task) and overall:
  false hits     titles the matcher counted that a human called a wrong match
  false misses   titles the matcher missed that a human called really relevant
  agreement      share of choice answers where the human agrees with the
                 automatic right/wrong
Titles are matched against each request's current (corrected) ground truth.

Options:
  --json    print { "rows": AuditRow[], "overall": AuditCounts } (see docs/cli.md)
  --quiet   no progress on stderr`,
  sample: `Usage: imagery sample <shard files or folders>... (--comments <n> | --requests <n>) --seed <n> --name <queue> [--json]
       imagery sample <shard files or folders>... --extraction-disagreements <dir>/<name>/<domain>
                      --name <queue> [--comments <n> --seed <n>] [--json]

Draws a validation sample with a seed and writes it as a review queue,
<folder>/<queue>.queue.json, in the deepest folder holding every shard (see
docs/review-queue.md). Comments are drawn among those with an extractor
answer (the paper checked 100); requests among all requests. The same seed
and shards give the same file, byte for byte, whatever the argument order.

With --extraction-disagreements, the queue holds the comments where that
extraction run (imagery extract --shards) finds other items than the current
extraction (the stored one, or every annotator's correction): all of them, or
--comments n of them drawn with --seed.

Options:
  --comments <n>    sample n comments (their extraction is checked)
  --requests <n>    sample n requests (validity and every comment)
  --seed <n>        integer 0..4294967295 (required)
  --name <queue>    the queue's name: letters, digits, "_", "-", "." (required)
  --force           replace an existing queue of that name with other content
  --json            print { file, name, unit, seed, size, population, shards, outcome }
  --quiet           no progress on stderr`,

  report: `Usage: imagery report <shard files or folders>... [--format md|json|html] [--queue <name or file>]

Reads the shards and every annotator's log beside them and reports:
- extraction quality over the comments confirmed or corrected: wrong items
  (removed, share of extracted), missed items (added, share of true items),
  per-comment exact match, micro precision / recall / F1, with the paper's
  figures (100 comments, none wrong, 9% missed) beside ours;
- curation: the invalid share overall, by reason, per domain, per subreddit;
- models: Hit@1/10/20 and multiple-choice accuracy of every stored run on the
  original and on the corrected ground truth, with the difference, and how
  many answers the correction leaves out;
- agreement between annotators on validity (Cohen's kappa, Krippendorff's
  alpha) and extraction (item F1 per pair), and every disagreement.
Every share comes with its 95% Wilson interval. See docs/report.md.

Options:
  --format md|json|html   Markdown tables (default), one JSON object, or one
                          self-contained HTML page
  --json                  same as --format json
  --queue <q>             limit every figure to a review queue written by
                          imagery sample: its name (looked up beside the
                          shards) or the path of a *.queue.json file
  --quiet                 no progress on stderr`,

  help: `Usage: imagery help [command]`,
};
