// atomantic/PortOS, server/routes/localLlm.js (as TypeScript) — https://github.com/atomantic/PortOS/issues/905,
// paraphrased. The streaming test route writes every NDJSON token of a local model to the response
// and ignores `res.write()`'s `false`: a fast model and a slow client buffer without bound. The fix
// the issue names mirrors the route next to it (`ask.js`), which waits for `drain` (or the client
// leaving) before writing on.
// Rule: leakguard/respect-backpressure
import express from 'express';

const router = express.Router();

router.post('/api/local-llm/test/stream', async (req, res) => {
  res.setHeader('Content-Type', 'application/x-ndjson');
  for await (const token of req.app.locals.llm.stream(req.body.prompt)) {
    res.write(JSON.stringify({ token }) + '\n');
  }
  res.end();
});

export default router;
