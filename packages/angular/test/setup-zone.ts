import 'zone.js'
import '@angular/compiler'
import { setupTestBed } from '@analogjs/vitest-angular/setup-testbed'
import { provideZoneChangeDetection } from '@angular/core'

setupTestBed({ zoneless: false, providers: [provideZoneChangeDetection()] })
