// The sections of the report, in order of value: a run that stops early keeps the first ones.
import { runFirstChart } from './first-chart.mjs'
import { runHostJs } from './host-js.mjs'
import { runServer } from './server.mjs'
import { runTokenTraffic } from './token-traffic.mjs'

export const SECTIONS = [
  { id: 'host-js', title: 'Host JS to a first chart', run: runHostJs },
  { id: 'server', title: 'Server', run: runServer },
  { id: 'token-traffic', title: 'Token traffic in Chromium', run: runTokenTraffic },
  { id: 'first-chart', title: 'Time to first chart', run: runFirstChart },
]
