// For tests of whole stacks: HTTPS calls through a gateway and the @wazo/sdk end-to-end flow.
export { adminToken, type GatewayAnswer, gatewayCall } from './gateway-client.js';
export { runSdkFlow, type SdkFlowResult, type SdkFlowTarget } from './sdk-flow.js';
