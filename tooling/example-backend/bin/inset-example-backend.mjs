#!/usr/bin/env node
// A committed shim, so that pnpm links the bin before the first build.
import '../dist/cli.js'
