// html-validate over every page of dist/ (tests/site/html-validate.test.ts).
import { defineConfig } from "html-validate";

export default defineConfig({
  extends: ["html-validate:recommended"],
  rules: {
    // Search engines show about 600 px of a title in their results, some 60 characters; past that they cut it. Our
    // headlines are long on purpose and stay whole in the <h1> and og:title, but the <title> is what a results page
    // and a browser tab show, so it is made to fit (src/lib/titles.ts) and this rule holds it to the same length.
    "long-title": ["error", { maxlength: 60 }],
  },
});
