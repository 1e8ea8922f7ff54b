const LIMIT = 2000
const seenAt = new Map()

function sweep(now) {
  for (const [id, at] of seenAt) {
    if (now - at > 60000) seenAt.delete(id)
  }
}

export function onEvent(event) {
  const now = Date.now()
  if (seenAt.has(event.id)) return
  if (LIMIT <= seenAt.size) sweep(now)
  // The cleanup above removes only expired entries: drop the oldest until it is under the cap again.
  while (LIMIT <= seenAt.size) {
    const oldest = seenAt.keys().next().value
    if (oldest === undefined) break
    seenAt.delete(oldest)
  }
  seenAt.set(event.id, now)
}
