import {
  getCurrentInstance,
  getCurrentScope,
  isReactive,
  onMounted,
  onScopeDispose,
  type Ref,
  type ShallowRef,
  shallowRef,
  toRef,
} from 'vue'

interface Controller<Snapshot> {
  subscribe(listener: (snapshot: Snapshot) => void): () => void
  getSnapshot(): Snapshot
  destroy(): void
}

type Snapshot<C extends Controller<unknown>> = ReturnType<C['getSnapshot']>

/** A reactive object as plain data (read deeply, so that a change in place is tracked). */
export const plain = <T>(value: T): T =>
  isReactive(value) ? JSON.parse(JSON.stringify(value)) : value

/**
 * Holds a core controller and its latest snapshot in shallow refs, for the composables. In a
 * component it subscribes once mounted, so never while rendering on the server; outside one, at
 * once. A `<KeepAlive>`-inactive component keeps its subscription and data: shown again, it sends
 * nothing. The controller is destroyed with the scope; `replace()` swaps in a new one.
 */
export function useController<C extends Controller<ReturnType<C['getSnapshot']>>>(
  name: string,
  create: () => C,
): {
  controller: ShallowRef<C>
  snapshot: ShallowRef<Snapshot<C>>
  /** Read-only refs of fields of the snapshot, by name. */
  refs<K extends keyof Snapshot<C>>(...keys: K[]): { [P in K]-?: Readonly<Ref<Snapshot<C>[P]>> }
  /** Methods calling whichever controller is current, by name. */
  methods<K extends keyof C>(...names: K[]): Pick<C, K>
  replace(): void
} {
  const scope = getCurrentScope()
  if (!scope) console.warn(`[@inset/vue] ${name}() outside setup() leaks`)
  const controller = shallowRef(create()) as ShallowRef<C>
  const snapshot = shallowRef(controller.value.getSnapshot()) as ShallowRef<Snapshot<C>>
  let unsubscribe: (() => void) | undefined
  const follow = () => {
    unsubscribe?.()
    unsubscribe = controller.value.subscribe((next: Snapshot<C>) => {
      snapshot.value = next
    })
    snapshot.value = controller.value.getSnapshot()
  }
  if (getCurrentInstance()) onMounted(follow)
  else follow()
  if (scope) onScopeDispose(() => controller.value.destroy())
  return {
    controller,
    snapshot,
    refs: (...keys) =>
      Object.fromEntries(keys.map((key) => [key, toRef(() => snapshot.value[key])])) as never,
    methods: (...names) =>
      Object.fromEntries(
        names.map((name) => [
          name,
          (...args: unknown[]) => (controller.value[name] as (...a: unknown[]) => unknown)(...args),
        ]),
      ) as never,
    replace() {
      const previous = controller.value
      controller.value = create()
      follow()
      previous.destroy()
    },
  }
}
