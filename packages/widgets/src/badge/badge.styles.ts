import { css } from 'lit';
import { controls, tokens } from '../shared/styles.js';

export const styles = [tokens, controls, css``];
