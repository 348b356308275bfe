#!/usr/bin/env node
import '../dist/enablekit.js';
