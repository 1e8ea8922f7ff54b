import { open } from "node:fs/promises"

export async function countLines(path) {
  const file = await open(path, "r")
  let count = 0
  for await (const line of file.readLines()) {
    if (line.trim() !== "") count++
  }
  console.log("%s: %d lines", path, count)
  await file.close()
  return count
}

export async function appendLine(path, line) {
  const file = await open(path, "a")
  await file.appendFile(`${line}\n`, "utf8")
}
