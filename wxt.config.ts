import { defineConfig } from 'wxt';

export default defineConfig({
  manifest: {
    name: 'Figure Check',
    description: "Checks figures about China's internet and generative AI against the official statistics, locally.",
  },
});
