import admin from './admin.json';
import auth from './auth.json';
import cart from './cart.json';
import catalog from './catalog.json';
import common from './common.json';
import orders from './orders.json';
import problems from './problems.json';
import reviews from './reviews.json';

export default { ...common, ...catalog, ...cart, ...orders, ...auth, ...admin, ...reviews, ...problems };
