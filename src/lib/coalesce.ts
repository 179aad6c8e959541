/**
 * Gathers the values handed in while `wait` runs and passes them on in one `run`: events that arrive
 * together (Medusa emits one per reservation, so an order of five lines emits five) cost one run, not
 * five. Every caller of a window gets that window's outcome. A value handed in once `wait` has ended
 * opens the next window, so nothing is dropped; a value handed in twice in a window is passed once.
 */
export function coalesce<T>(wait: () => Promise<void>, run: (values: T[]) => Promise<void>): (values: T[]) => Promise<void> {
  type Window = { values: Set<T>; done: Promise<void> }
  let open: Window | null = null
  const start = (): Window => {
    const values = new Set<T>()
    const closed = wait().finally(() => {
      if (open === window) open = null
    })
    const window: Window = { values, done: closed.then(() => run([...values])) }
    return window
  }
  return (values) => {
    open ??= start()
    for (const value of values) open.values.add(value)
    return open.done
  }
}
