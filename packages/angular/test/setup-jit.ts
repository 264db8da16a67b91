// Angular's own packages ship partially compiled: without the CLI's linker, the JIT compiler
// finishes them at run time.
import '@angular/compiler'
