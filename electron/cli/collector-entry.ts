import { runCollector } from './collector-main';

// CommonJS entry (a Node single executable runs one CommonJS script): no top-level await.
void runCollector(process.argv);
