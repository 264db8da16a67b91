// The fake server lives in @inset/fake-server (core uses it too); re-exported for the bindings.
export * from '@inset/fake-server'
