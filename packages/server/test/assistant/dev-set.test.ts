// The development set of issue 17 (dev-set.ts), the questions the engine is tuned against, asked
// over HTTP as alice and as bob; 0 rows outside the asker's scope (a leak throws in `ask`).

import { describeQuestionSet } from './describe-question-set'
import { DEV_SET } from './dev-set'

describeQuestionSet('the development set of issue 17', DEV_SET, { required: 0.9, atLeast: 30 })
