// This response's CSP nonce for the scripts Remix inlines; set by the server render only (the browser
// never needs it after hydration).
import { createContext, useContext } from "react";

export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);
