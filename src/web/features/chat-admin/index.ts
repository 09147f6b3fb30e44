/**
 * Admin › Web channels: the chat widget of each site (look, hours, pre-chat form, allowed sites) and the
 * code to embed it. Its strings register in the `chatAdmin` namespace when this module loads.
 */
import './i18n.ts';

export { ChannelsPage } from './ChannelsPage.tsx';
