#!/usr/bin/env node
'use strict';
require('../dist/boot.cjs').run();
