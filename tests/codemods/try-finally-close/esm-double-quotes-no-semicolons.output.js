import { open } from "node:fs/promises"

export async function countLines(path) {
  const file = await open(path, "r")
  try {
    let count = 0
    for await (const line of file.readLines()) {
      if (line.trim() !== "") count++
    }
    console.log("%s: %d lines", path, count)
    return count
  } finally {
    await file.close()
  }
}

export async function appendLine(path, line) {
  const file = await open(path, "a")
  try {
    await file.appendFile(`${line}\n`, "utf8")
  } finally {
    await file.close()
  }
}
