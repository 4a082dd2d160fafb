// A setup file (vitest.config.ts): runs before every test file, also in a worker that runs several files one after
// another without isolation, so what a file leaves behind is removed after that file's own tests.
import { afterAll } from 'vitest'
import { removeScratchDirs } from './scratch-dir.js'

afterAll(removeScratchDirs)
