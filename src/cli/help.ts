// The help texts, one per command; `imagery help <command>` and `--help` print them.
export const HELP: Record<string, string> = {
  main: `imagery: the Imagery as Inquiry benchmark from the command line

Usage: imagery <command> [options]

Commands:
  import   turn a release folder into shards (*.shard.jsonl) for annotation
  eval     score the stored model runs (Hit@1/10/20, multiple-choice accuracy)
  stats    dataset statistics per domain (requests, items, images)
  export   write the corrected dataset, in the release's layout, from annotated shards
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
  --out <dir>            folder for the shards (created when missing)
  --shard-size <n>       requests per shard (default 100)
  --include-unsampled    also import requests of submissions.jsonl that are not in
                         submissions_ns.jsonl (they get "choice": null)
  --copy-images          copy found images to <out>/images/<domain>/ so the shards
                         can move without the release; by default image paths
                         point into the release, relative to <out>
  --force                replace existing <domain>-NNN shards in <out>
  --strict               exit with code 1 when some line could not be read
  --json                 print one object on stdout (see docs/cli.md):
                         { "imports": [ImportSummary & { "shards": string[] }] }
  --quiet                no progress on stderr

A line that cannot be read is reported as a warning "<file>:<line>: <reason>"
and skipped; its neighbours are imported.`,

  eval: `Usage: imagery eval <release-dir | shard files or folders>... [--json]

Scores every stored run with the paper's rules: one row per domain, model and
input, with Hit@1, Hit@10, Hit@20 over the requests with ground truth, and the
multiple-choice accuracy over the benchmark requests (n = requests scored).
A release folder is imported in memory; nothing is written.

Options:
  --json    print { "rows": EvalRow[] } on stdout (see docs/cli.md)
  --quiet   no progress on stderr`,

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

  help: `Usage: imagery help [command]`,
};
