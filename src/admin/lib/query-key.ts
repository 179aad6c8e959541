// Same shape as the dashboard's query keys, so invalidating `all` reaches
// every entry of a resource.
export const queryKeysFactory = <TKey extends string>(globalKey: TKey) => {
  const all = [globalKey] as const
  return {
    all,
    detail: (id: string) => [...all, "detail", id] as const,
  }
}
