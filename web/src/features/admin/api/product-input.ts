/** The body of both create and update (PUT takes the same fields). Price in fen. */
export interface ProductInput {
  name: string;
  description: string;
  price: number;
  category: string;
  brand?: string;
  images?: string[];
  /** Required on create; on update sent only when the admin changed it (see ProductFormModal). */
  stock?: number;
  /** The dashboard lists the product at or below this stock; absent: 10. */
  lowStockThreshold?: number;
}
