export { WIZARD_STATUS, wizardPlugin, wizardStatusSchema } from './wizard.routes.js';
