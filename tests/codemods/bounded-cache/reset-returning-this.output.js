// A hand-rolled LRU of rendered pages, four-space indented, no semicolons.
export class PageCache {
    constructor(limit) {
        this.limit = limit
        this.order = []
        this.pages = []
        this.indexOf = new Map()
    }

    put(url, html) {
        if (this.order.length >= this.limit) this.indexOf.delete(this.order.shift())
        this.indexOf.set(url, this.pages.push(html) - 1)
        this.order.push(url)
    }

    clear() {
        this.order = []
        this.pages = []
        this.indexOf.clear()
        return this
    }
}
