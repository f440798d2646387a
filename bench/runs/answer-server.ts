// The loopback OpenAI-compatible server of the run benchmark, in a process of
// its own so that the CPU time measured is the runner's alone. Every answer
// waits the latency given as argv[2] (ms). Prints its base URL, then serves
// until killed.
import { OpenAIServer } from '../../test/helpers/openai-server';

const latencyMs = Number(process.argv[2] ?? 200);

void OpenAIServer.start().then((server) => {
  server.answerWith({ text: '1. Blue Hour - Night Owls\n2. Zed Band - Song', chunks: 2, headerDelayMs: latencyMs });
  // Keep memory flat over thousands of calls: the benchmark never reads them.
  setInterval(() => server.requests.splice(0), 1000).unref();
  process.stdout.write(`${server.baseUrl}\n`);
});
