import 'govuk-frontend/dist/govuk/govuk-frontend.min.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApolloClient } from './app/apollo';
import { App } from './app/App';

// GOV.UK Frontend styles some components differently once it knows scripts run (set here, not inline: CSP).
document.body.classList.add('js-enabled', 'govuk-frontend-supported');

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
const client = createApolloClient();
createRoot(root).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
