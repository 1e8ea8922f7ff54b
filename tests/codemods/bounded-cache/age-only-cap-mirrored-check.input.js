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
  seenAt.set(event.id, now)
}
