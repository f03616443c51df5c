/**
 * The staff desk entry (dist/desk.js): pages for office staff served by the reference server.
 * Each staff capability registers its own elements here.
 */
import '../shared/localize.js';
